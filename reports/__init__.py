"""PDF reports with ReportLab (issue 7): built from domain results, no clinical logic here."""

__all__: list[str] = []
