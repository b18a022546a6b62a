"""Money raised for social policy credit: Quỹ "Vì người nghèo" (contributions, spending,
the yearly statement), deposits and sponsorship, local budget capital entrusted to VBSP with
the branch's total capital, and the plan's two targets for that capital."""
