"""How the search turns a link's similarity into the value it maximises.

Scorers differ in what their similarity means, so each brings its own objective, tuned
with it. The dictionary scorer measures how much of each sentence is covered, a
per-sentence quantity: its links are valued by similarity times sentence count, so a
long link must be good throughout. An embedding of a window of joined sentences already
speaks for the whole link: those links are valued once each, as Bertalign does, and
merging two sentences is not paid twice.

The prepared scorer of one document pair may also adapt the objective to that pair:
how much an unlinked sentence costs depends on how closely the translation follows its
original (see ``semantic.scorer``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Objective:
    """Weights of the link value; the defaults are the dictionary scorer's.

    A link of ``a`` Chinese and ``b`` English sentences is worth ``weight * (similarity +
    length_weight * length probability) - shape cost - paragraph crossings``, where the
    weight is ``a + b`` when ``sentence_weighted`` and 1 otherwise. A sentence left
    unlinked costs ``skip_cost``; at the very start or end of a document,
    ``edge_skip_discount`` less (page headers, footers, navigation).
    """

    sentence_weighted: bool = True
    length_weight: float = 0.2
    # Shape costs, paid once per link: any link with both sides, one extra sentence (1:2,
    # 2:1), each further one, and a link with several sentences on both sides.
    link_cost: float = 0.0
    merge_cost: float = 0.25
    double_merge_cost: float = 0.7
    many_to_many_cost: float = 0.7
    skip_cost: float = 0.1
    paragraph_penalty: float = 0.5
    edge_skip_discount: float = 0.05
    # The second look at links of three or more sentences (refine.py): an edge sentence
    # is split off when it adds less than these fractions of the document's typical 1:1
    # similarity to the link's value and to its similarity evidence. 0 turns it off.
    split_gain: float = 0.35
    split_evidence: float = 0.6
    # Confidence is a logistic function of the link's score with this scale.
    confidence_scale: float = 0.08

    def shape_cost(self, zh_size: int, en_size: int) -> float:
        """A prior against rarer link shapes, paid once per link."""
        if zh_size == 0 or en_size == 0:
            return self.skip_cost
        extra = zh_size + en_size - 2
        if extra == 0:
            return self.link_cost
        cost = self.link_cost
        cost += self.merge_cost if extra == 1 else self.double_merge_cost * (extra - 1)
        if zh_size > 1 and en_size > 1:
            cost += self.many_to_many_cost
        return cost

    def weight(self, zh_size: int, en_size: int) -> int:
        """How many times a link's similarity counts."""
        return zh_size + en_size if self.sentence_weighted else 1


SENTENCE_WEIGHTED = Objective()
"""The dictionary scorer's objective, tuned on MAC-Dev together with the QA error suite."""
