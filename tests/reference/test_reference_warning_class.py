"""``metricproofs.reference.UndefinedMetricWarning``: made on first use, once, as documented.

What they protect: the class users filter on (``warnings.filterwarnings(..., category=...)``)
is one class, named and documented as scikit-learn's, a subclass of scikit-learn's
``UndefinedMetricWarning`` when scikit-learn is importable and of ``UserWarning`` otherwise,
and made lazily by the module's ``__getattr__`` (importing scikit-learn takes seconds).

The first access happened long before these tests run (any earlier test, or the import of
a module that warns), so each test removes the cached class, checks a fresh first access, and
puts the original back (other tests hold it).
"""

from __future__ import annotations

import sys
import warnings
from typing import Iterator

import pytest
from sklearn.exceptions import UndefinedMetricWarning as SkUndefined

from metricproofs import reference as ref

DOC = "A metric was 0/0 and replaced by its ``zero_division`` value (as in scikit-learn)."


@pytest.fixture
def uncached() -> Iterator[None]:
    """The module as just imported: no UndefinedMetricWarning made yet (restored afterwards)."""
    saved = vars(ref).pop("UndefinedMetricWarning", None)
    try:
        yield
    finally:
        if saved is None:
            vars(ref).pop("UndefinedMetricWarning", None)
        else:
            vars(ref)["UndefinedMetricWarning"] = saved


def _check_made(cls: type, base: type) -> None:
    assert isinstance(cls, type) and issubclass(cls, base) and issubclass(cls, Warning)
    assert cls.__name__ == cls.__qualname__ == "UndefinedMetricWarning"
    assert cls.__module__ == "metricproofs.reference"
    assert cls.__doc__ == DOC


def test_first_access_makes_a_subclass_of_scikit_learns(uncached: None) -> None:
    assert "UndefinedMetricWarning" not in vars(ref)
    made = ref.UndefinedMetricWarning  # the module's __getattr__
    _check_made(made, SkUndefined)
    # made once: the module now holds it, and every later access (or warning) uses the same class
    assert vars(ref)["UndefinedMetricWarning"] is made
    assert ref.UndefinedMetricWarning is made
    with pytest.warns(made, match="Precision is ill-defined"):
        ref.precision_score([0, 0], [0, 0])


def test_the_warning_made_by_a_metric_is_the_module_class(uncached: None) -> None:
    # The first use may be a warning, not an attribute access: the class it warns with is
    # the one the module then exposes.
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        ref.recall_score([0, 0], [1, 1])
    categories = {w.category for w in record}
    assert categories == {ref.UndefinedMetricWarning}
    assert ref.UndefinedMetricWarning is ref.UndefinedMetricWarning


def test_without_scikit_learn_it_subclasses_userwarning(uncached: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes `from sklearn.exceptions import ...` raise ImportError,
    # as when scikit-learn is not installed.
    monkeypatch.setitem(sys.modules, "sklearn.exceptions", None)
    made = ref.UndefinedMetricWarning
    _check_made(made, UserWarning)
    assert not issubclass(made, SkUndefined)


def test_other_missing_attributes_still_raise_attributeerror() -> None:
    with pytest.raises(AttributeError, match="module 'metricproofs.reference' has no attribute 'NoSuchThing'"):
        ref.NoSuchThing  # noqa: B018
