"""Fixtures of the whole suite: the YAML data kept between runs goes to a folder of this session's own,
never to the developer's ~/.cache/warta (tests that need their own folder set WARTA_CACHE_DIR again)."""

import pytest


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WARTA_CACHE_DIR", str(tmp_path_factory.mktemp("warta-cache")))
        yield
