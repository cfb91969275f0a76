"""Evidence vault: content-addressed files, register, custody chain, claim links, dossiers.

Names are imported lazily, so ``storyradar.evidence.vault`` (or the CLI) does not pay for the report
and HTTP stacks it does not use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE = {
    "capture_url": "capture", "entries": "custody", "log_event": "custody", "verify": "custody",
    "export_dossier": "dossier", "import_dossier": "dossier", "claims_vs_evidence": "links",
    "link": "links", "CustodyEntry": "records", "EvidenceItem": "records", "Finding": "records",
    "VerifyReport": "records", "add_evidence": "register", "get_evidence": "register",
    "list_evidence": "register", "resolve_id": "register", "section": "section", "Vault": "vault",
    "vault_for": "vault",
}
__all__ = [
    "CustodyEntry", "EvidenceItem", "Finding", "Vault", "VerifyReport", "add_evidence", "capture_url",
    "claims_vs_evidence", "entries", "export_dossier", "get_evidence", "import_dossier", "link",
    "list_evidence", "log_event", "resolve_id", "section", "vault_for", "verify",
]

if TYPE_CHECKING:  # pragma: no cover
    from .capture import capture_url
    from .custody import entries, log_event, verify
    from .dossier import export_dossier, import_dossier
    from .links import claims_vs_evidence, link
    from .records import CustodyEntry, EvidenceItem, Finding, VerifyReport
    from .register import add_evidence, get_evidence, list_evidence, resolve_id
    from .section import section
    from .vault import Vault, vault_for


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
