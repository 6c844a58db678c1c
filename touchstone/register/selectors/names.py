"""Tolerant name matching over the name index (see models/search.py and
rules.deletion_keys)."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from touchstone.register import rules
from touchstone.register.models import NameWordKey, RegistrantWord


def name_holders(words: list[str]) -> QuerySet[RegistrantWord] | None:
    """The name-word rows of registrants with, for each query word, a name word at most one
    typo away (a registrant holding several near words has several rows); None when some query
    word is near no word on the register (so nothing can match).

    One small query finds the vocabulary words near each query word through their deletion
    keys (see rules.deletion_keys). The result nests one semi-join per query word over
    `RegistrantWord`, so the database can estimate how few registrants hold them all.
    """
    keys_per_word = [rules.deletion_keys(word) for word in words]
    near: dict[str, set[int]] = defaultdict(set)
    for key, word_id in NameWordKey.objects.filter(
        key__in=sorted(set().union(*keys_per_word))
    ).values_list("key", "word_id"):
        near[key].add(word_id)
    holders = None
    for keys in keys_per_word:
        word_ids = sorted(set().union(*(near[key] for key in keys)))
        if not word_ids:
            return None
        these = RegistrantWord.objects.filter(word_id__in=word_ids)
        if holders is not None:
            these = these.filter(registrant_id__in=holders.values("registrant_id"))
        holders = these
    return holders


def name_matches_q(words: list[str]) -> Q | None:
    """The name condition (see name_holders), or None when nothing can match."""
    holders = name_holders(words)
    return None if holders is None else Q(pk__in=holders.values("registrant_id"))
