"""A small scenario of our own for the measures' tests: two harbour towns and a shared bay."""

from __future__ import annotations

import pytest

from summitry.scenario import Scenario, load_scenario_text

BAY = """
title: The Bay
premise: Two harbour towns share one bay.
lesson:
  topic: Sharing a coastal bay
  summary: The lesson covered fishing quotas, tourism and dredging of the shipping channel.
  questions:
    - id: quota
      text: How should fishing in the bay be limited?
      options:
        - {id: caps, text: Seasonal catch caps set by a joint board}
        - {id: free, text: "Slowly, with a rule for each town"}
moderator:
  name: Dr. Ana Ruiz
delegations:
  - name: Northport
    tone: blunt
    summary: A fishing town.
    interests: [protecting the cod nursery, Tourist ferries]
    answers: {quota: caps}
    position:
      arguments:
        - on: cod nursery
          claim: Juvenile cod shelter in the eelgrass meadows near the northern reef.
        - on: dredging
          claim: Dredging the channel stirs silt that smothers spawning grounds.
  - name: Southbay
    tone: cheerful
    summary: A tourist town.
    interests: [ferry revenue]
    answers: {quota: free}
    position:
      arguments:
        - on: ferries
          claim: Ferry tickets pay for the lifeguards and the harbour lights every summer.
        - on: dredging
          claim: Deeper berths would let cruise liners dock beside the promenade.
agenda:
  - phase: opening
"""


@pytest.fixture
def bay() -> Scenario:
    return load_scenario_text(BAY, "bay.yaml")
