"""Packages that can be called: ``narrator.draft(...)``, ``.check(...)``, ``.build(...)``.

The API is named after the commands, and so are the packages that implement them. Rather
than a function shadowing its package (which the import system would silently undo the
first time a submodule is imported), each package's module object is made callable.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Make the module ``module_name`` callable as ``function``."""

    class CallableModule(types.ModuleType):
        __doc__ = function.__doc__

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    sys.modules[module_name].__class__ = CallableModule
