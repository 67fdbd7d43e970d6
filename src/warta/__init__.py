"""Warta: Indonesian news to structured knowledge."""

import sys as _sys

__version__ = "0.1.0"


def _defer_spacy_cli() -> None:
    """Make spaCy's command line (``spacy.cli``) load when first used instead of with spaCy.

    ``spacy/__init__.py`` imports ``spacy.cli.info`` for ``spacy.info``, and with it every spaCy
    command (weasel, jinja2, typer, a template YAML parsed by a pure-Python parser): about 350
    modules and 0.25 s of CPU at every start of a Warta process (and of the pool's fork server),
    for code no Warta process runs. Before spaCy is imported, ``spacy.cli`` and ``spacy.cli.info``
    are put in ``sys.modules`` as modules that run their real code the first time a name of theirs
    is asked for (``spacy.info`` runs it when called), ``spacy.cli`` also before one of its submodules
    (``spacy.cli.train``) is imported, as it would be. Nothing is done when spaCy is imported
    already or cannot be found. Records are the same: no stage and no model load uses spaCy's CLI.
    """
    if "spacy" in _sys.modules:
        return
    from importlib.machinery import PathFinder
    from importlib.util import module_from_spec
    from types import ModuleType

    class Deferred(ModuleType):
        def __getattr__(self, name):
            if name == "__path__" and self is modules[0]:  # a submodule is imported: the package first
                _load(self)
                return self.__path__
            if name.startswith("__"):  # the import system's other questions: no load
                raise AttributeError(name)
            if self is modules[1] and name == "info" and modules[0].__class__ is Deferred:
                # spaCy's own `from .cli.info import info`
                parent = _sys.modules.get("spacy")
                if parent is not None:  # as the import system sets it when it loads spacy.cli
                    parent.cli = modules[0]
                return deferred_info
            _load(self)
            return getattr(self, name)

    def _load(module):
        if module is modules[1]:  # the package runs first, as when spaCy loads it (it imports .info)
            _load(modules[0])
        if module.__class__ is Deferred:
            module.__class__ = ModuleType
            if module is modules[0]:
                module.__path__ = path
            module.__spec__.loader.exec_module(module)

    try:
        spacy = PathFinder.find_spec("spacy")
        cli = spacy and spacy.submodule_search_locations and PathFinder.find_spec(
            "spacy.cli", spacy.submodule_search_locations)
        info = cli and cli.submodule_search_locations and PathFinder.find_spec(
            "spacy.cli.info", cli.submodule_search_locations)
        if not info:
            return
        modules = [module_from_spec(cli), module_from_spec(info)]
    except (ImportError, ValueError, AttributeError):
        return
    cli_module, info_module = modules
    path = cli_module.__dict__.pop("__path__")  # asked for when a submodule is imported (see Deferred)

    def deferred_info(*args, **kwargs):
        """spaCy's ``info`` (``spacy.cli.info.info``), loaded when first called."""
        _load(info_module)
        return info_module.info(*args, **kwargs)

    for module in modules:
        module.__class__ = Deferred
    _sys.modules["spacy.cli"] = cli_module
    _sys.modules["spacy.cli.info"] = info_module


_defer_spacy_cli()
