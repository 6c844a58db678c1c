"""The name index behind tolerant search.

Names are made of words from a vocabulary far smaller than the register. Each vocabulary word
keeps its one-letter deletion keys (`rules.deletion_keys`), and each registrant points at the
words of their name. A query word finds its vocabulary words through the keys (a small
lookup), then the registrants through `RegistrantWord` — one index entry per registrant and
word, however many keys the word has.
"""

from django.db import models


class NameWord(models.Model):
    word = models.CharField(max_length=60, unique=True)

    def __str__(self) -> str:
        return self.word


class NameWordKey(models.Model):
    key = models.CharField(max_length=60)
    word = models.ForeignKey(NameWord, on_delete=models.CASCADE, related_name="keys")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "word"], name="register_namewordkey_unique")
        ]

    def __str__(self) -> str:
        return self.key


class RegistrantWord(models.Model):
    registrant = models.ForeignKey(
        "register.Registrant", on_delete=models.CASCADE, related_name="+"
    )
    word = models.ForeignKey(NameWord, on_delete=models.PROTECT, related_name="+")
    # The registrant's place in register order (search name, then number; see sort_key), so
    # the holders of a common word can be put in order without reading each registrant.
    sort_key = models.CharField(max_length=340, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["word", "registrant"], name="register_registrantword_unique"
            )
        ]
        indexes = [
            models.Index(fields=["word", "sort_key", "registrant"], name="register_word_order")
        ]

    def __str__(self) -> str:
        return f"{self.word_id}:{self.registrant_id}"


def sort_key(search_name: str, number: str) -> str:
    """Register order as one string: the tab sorts before any character of a search name, so
    ordering by it is ordering by (search name, number)."""
    return f"{search_name}\t{number}"
