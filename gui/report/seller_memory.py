"""The seller's details and logo, remembered in the app settings for every new quote (GUI and CLI alike)."""

from __future__ import annotations

from rigsizer.core.quote import Party

SELLER_KEY = "quote/seller/"
PARTY_FIELDS = ("name", "contact", "email", "phone", "address", "tax_id")


def _settings():
    from rigsizer.gui.settings import open_settings

    return open_settings()


def save_seller(party: Party, logo: str = "") -> None:
    settings = _settings()
    for key, value in party.to_dict().items():
        settings.setValue(SELLER_KEY + key, value)
    settings.setValue(SELLER_KEY + "logo", logo)
    settings.sync()


def load_seller() -> tuple[Party, str] | None:
    """(party, logo path) or None when nothing was remembered."""
    settings = _settings()
    values = {key: str(settings.value(SELLER_KEY + key, "") or "") for key in PARTY_FIELDS}
    if not any(values.values()):
        return None
    return Party(**values), str(settings.value(SELLER_KEY + "logo", "") or "")
