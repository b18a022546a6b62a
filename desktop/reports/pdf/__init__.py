"""PDF output: Vietnamese administrative documents drawn with reportlab (no Qt)."""

from desktop.reports.pdf.render import render_pdf, write_pdf

__all__ = ["render_pdf", "write_pdf"]
