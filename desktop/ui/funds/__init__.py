"""Đóng góp & nguồn vốn: the fund, deposits and entrusted capital."""
