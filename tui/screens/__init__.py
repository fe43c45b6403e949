"""The screens of the terminal UI, one module each; imported lazily by the app and each other."""

__all__: list[str] = []
