"""Textual terminal UI (issue 8): screens call the domain and the store; no clinical logic here."""

__all__: list[str] = []
