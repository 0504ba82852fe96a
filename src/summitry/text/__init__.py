"""The one text layer: words, stems, sentences, names and casing, used by every other package.

- :mod:`.words`: the tokenizer, stopwords, content words, n-grams;
- :mod:`.stems`: the stemmer and a text's content stems;
- :mod:`.overlap`: the Jaccard share of two sets or two texts' content stems;
- :mod:`.sentences`: splitting a text into sentences, and sentence keys;
- :mod:`.names`: delegation names in text (mentions, lists, articles);
- :mod:`.casing`: capitals and end punctuation when pieces of text are joined.

Import from the modules themselves; this package re-exports nothing.
"""
