"""The text layer: one tokenizer, one stemmer, sentences, names and casing."""

from __future__ import annotations

from summitry.text.casing import end_sentence, lower_first, mid_sentence, tidy
from summitry.text.names import NameMatcher, join_names, name_words, refer
from summitry.text.overlap import jaccard, overlap
from summitry.text.sentences import normalize_sentence, sentence_keys, sentences, split_sentences
from summitry.text.stems import content_stems, stem
from summitry.text.words import STOPWORDS, is_content, ngrams, tokens, word_count, words


def test_words_drop_possessives_and_edge_punctuation() -> None:
    assert words("China's 'quantum' leap-frog, a U.S. idea") == ["china", "quantum", "leap-frog", "a", "u", "s", "idea"]
    assert word_count("Two words.") == 2
    assert tokens("In 2030 the EU-wide plan") == ["In", "2030", "the", "EU-wide", "plan"]


def test_content_words_leave_out_function_words_generic_verbs_and_short_words() -> None:
    assert "the" in STOPWORDS and not is_content("the")
    assert not is_content("point") and is_content("ice") is not False
    assert is_content("monitoring") and not is_content("go")


def test_one_stemmer_joins_inflections() -> None:
    assert stem("environmental") == stem("environment")
    assert stem("monitoring") == stem("monitored") == stem("monitor")
    assert stem("policies") == stem("policy")
    assert content_stems("The dams and the dam's waters") == frozenset({"dam", "water"})


def test_overlap_is_the_jaccard_share_of_content_stems() -> None:
    assert jaccard({1, 2}, {2, 3}) == 1 / 3 and jaccard(set(), {1}) == 0.0
    assert overlap("shared river data", "data on the shared rivers") == 1.0
    assert overlap("river data", "naval base") == 0.0


def test_sentences_keep_titles_and_split_verbatim_for_quotes() -> None:
    assert sentences("Dr. Chen spoke. We agree!") == ["Dr. Chen spoke.", "We agree!"]
    assert normalize_sentence("We AGREE, truly.") == normalize_sentence("we agree truly")
    assert sentence_keys("One. Two.") == frozenset({"one", "two"})
    assert split_sentences("*(laughing)* Okay. We agree!") == ["Okay.", "We agree!"]


def test_ngrams_are_consecutive_runs() -> None:
    assert ngrams(["a", "b", "c"], 2) == [("a", "b"), ("b", "c")]
    assert ngrams(["a"], 2) == []


def test_names_are_found_and_written() -> None:
    matcher = NameMatcher(["United States", "China"])
    assert [m.name for m in matcher.mentions("The US and China's plan")] == ["United States", "China"]
    assert join_names(["A", "B", "C"]) == "A, B and C" and join_names([]) == ""
    assert refer("United States") == "the United States" and refer("China") == "China"
    assert name_words(["United States"]) == {"united", "states"}


def test_casing_when_pieces_are_joined() -> None:
    assert lower_first("Quantum computing") == "quantum computing" and lower_first("EU rules") == "EU rules"
    assert end_sentence("done") == "done." and end_sentence("done?") == "done?"
    assert tidy("the United States's view") == "The United States' view"
    assert mid_sentence("Arctic shipping", "the Arctic is warming") == "Arctic shipping"
