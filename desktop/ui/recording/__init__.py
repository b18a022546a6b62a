"""Pieces the recording pages (Nhiệm vụ, Đóng góp & nguồn vốn, Tổng quan) share: list pages
that live in tabs with a period filter that follows the data, forms that show parse errors
and rule errors together, charts, and the change-history dialog."""
