"""What a browser page asked for: nothing may leave this computer, and nothing local may fail."""

from __future__ import annotations

from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class Watch:
    """Records every request that leaves 127.0.0.1 and every failed local request.

    Args:
        page: A Playwright page, watched from now on.
        aborted_fails: Whether a request the browser gave up on counts as failed. A page that is
            reloaded or closed mid-test (the workshop's dropping out and rejoining) aborts its
            open requests by design, so its test leaves this off.
    """

    def __init__(self, page, aborted_fails: bool = True) -> None:
        self.foreign: list[str] = []
        self.failed: list[str] = []
        page.on("request", self.on_request)
        page.on("response", self.on_response)
        if aborted_fails:
            page.on("requestfailed", lambda r: self.failed.append(f"failed {r.url}"))

    def on_request(self, request) -> None:
        """Note a request to another computer (``data:`` and ``blob:`` addresses stay here)."""
        parsed = urlparse(request.url)
        if parsed.scheme not in ("data", "blob") and parsed.hostname not in LOCAL_HOSTS:
            self.foreign.append(request.url)

    def on_response(self, response) -> None:
        """Note an error answer."""
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def check(self) -> None:
        """Fail the test if anything left this computer or failed."""
        assert not self.foreign, f"requests left this computer: {self.foreign}"
        assert not self.failed, f"requests failed: {self.failed}"
