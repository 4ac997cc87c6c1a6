import pytest


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    def check(page):
        result = axe.run(page)
        assert result.violations_count == 0, result.generate_report()

    return check
