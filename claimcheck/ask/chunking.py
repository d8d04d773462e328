"""Long articles: split into chunks at paragraph boundaries, to a character budget.

Characters stand in for tokens (about four to a token in English news) so no tokenizer has to
be downloaded at run time. Sentences keep the numbers the whole article gives them
(``Article.numbered``), so every chunk's answer points at the same numbers, and a chunk after
the first carries the headline and lede as context for resolving names.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.read.structure import Article, Sentence


@dataclass(frozen=True)
class Chunk:
    index: int
    sentences: tuple[tuple[int, Sentence], ...]  # (article-wide number, sentence)
    context: str | None  # headline and lede, for chunks after the first

    @property
    def start(self) -> int:
        return self.sentences[0][1].start

    @property
    def end(self) -> int:
        return self.sentences[-1][1].end


def chunk(article: Article, budget: int) -> list[Chunk]:
    """Groups of whole paragraphs (whole sentences for a paragraph over budget)."""
    groups: list[list[tuple[int, Sentence]]] = [[]]
    size = 0
    for n, sentence in article.numbered.items():
        length = sentence.end - sentence.start
        previous = groups[-1][-1][1] if groups[-1] else None
        new_paragraph = previous is not None and previous.paragraph != sentence.paragraph
        over = size + length > budget and groups[-1]
        if over and (new_paragraph or _paragraph_size(article, previous) > budget):
            groups.append([])
            size = 0
        groups[-1].append((n, sentence))
        size += length
    context = _context(article)
    return [
        Chunk(i, tuple(group), context if i else None)
        for i, group in enumerate(g for g in groups if g)
    ]


def halve(article: Article, piece: Chunk) -> tuple[Chunk, Chunk]:
    """Two chunks of about equal length, split at a paragraph boundary where there is one.
    The second half of the first chunk gets the headline and lede as context, as any chunk
    not holding them does."""
    sentences = piece.sentences
    middle = len(sentences) // 2
    boundaries = [
        i
        for i in range(1, len(sentences))
        if sentences[i][1].paragraph != sentences[i - 1][1].paragraph
    ]
    if boundaries:
        middle = min(boundaries, key=lambda i: abs(i - middle))
    return (
        Chunk(piece.index, sentences[:middle], piece.context),
        Chunk(piece.index, sentences[middle:], piece.context or _context(article)),
    )


def _paragraph_size(article: Article, sentence: Sentence | None) -> int:
    if sentence is None:
        return 0
    paragraph = article.paragraphs[sentence.paragraph]
    return paragraph.end - paragraph.start


def _context(article: Article) -> str | None:
    parts = [article.headline] if article.headline else []
    lede = next((p for p in article.paragraphs if p.kind == "body"), None)
    if lede is not None:
        parts.append(article.text[lede.start : lede.end])
    return "\n".join(parts) or None
