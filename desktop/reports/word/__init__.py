"""Word output: each report as a .docx draft laid out like its PDF, for the office to finish
in Word before signing (python-docx; no Qt)."""

from desktop.reports.word.render import render_docx, write_docx

__all__ = ["render_docx", "write_docx"]
