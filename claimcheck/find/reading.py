"""What the first stages find, which every later stage reads to tell who speaks.

A ``Reading`` holds the article with its quotation marks (``claimcheck.find.marks``), who it
names (``claimcheck.find.names``) and who acts in each sentence
(``claimcheck.find.resolution``), each found once, in that order. ``Analysis``
(``claimcheck.find.analysis``) is a Reading with the later stages' findings added.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.find.marks import Marks, find_marks
from claimcheck.find.names import NameIndex
from claimcheck.find.resolution import Actors, find_actors
from claimcheck.read.structure import Article


@dataclass(eq=False)
class Reading:
    """The article, its quotation marks, who it names and who acts in each sentence."""

    article: Article
    marks: Marks
    names: NameIndex
    actors: Actors

    @classmethod
    def of(cls, article: Article) -> Reading:
        """The first stages, in order: marks, then names, then the actors, which need both."""
        marks = find_marks(article)
        names = NameIndex(article)
        return Reading(article, marks, names, find_actors(names, marks))
