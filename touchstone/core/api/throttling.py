"""Rate limits that hold across every web process, counted per client address as
`core.inputs.client_ip` reads it (the REST framework's own reading believes any X-Forwarded-For,
so a client could pick a fresh address for every request)."""

from rest_framework.throttling import ScopedRateThrottle

from touchstone.core.inputs import client_ip


class SharedScopedRateThrottle(ScopedRateThrottle):
    """DRF's scoped rate (e.g. "60/min" for the view's `throttle_scope`), counted with one
    atomic increment per request in the shared cache, in fixed windows of the rate's period.

    DRF's own throttle reads a list of timestamps, appends and writes it back, so requests
    arriving together on several processes overwrite each other's count and get through. An
    increment in Redis cannot be lost: a client gets at most the rate in each window (a burst
    across the boundary of two windows can reach twice that). Without Redis each process counts
    on its own in memory, so the limit is per process. When the cache cannot count (Redis down)
    the request is let through: the public register stays up, and the cache logs the failure.
    """

    def get_ident(self, request):
        return client_ip(request) or "unknown"

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, self.scope_attr, None)
        if not self.scope:
            return True
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.rate is None:
            return True
        window = int(self.timer() // self.duration)
        self.window_ends = (window + 1) * self.duration
        count = self._increment(f"{self.get_cache_key(request, view)}:{window}")
        return count is None or count <= self.num_requests

    def _increment(self, key: str) -> int | None:
        for _ in range(2):
            self.cache.add(key, 0, self.duration + 1)
            try:
                return self.cache.incr(key)
            except ValueError:  # the window's counter expired between add() and incr()
                continue
        return None

    def wait(self) -> float:
        return max(self.window_ends - self.timer(), 0)
