"""PDF (reportlab) and Excel (openpyxl) outputs. Qt-free."""
