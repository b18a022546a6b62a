"""The city's yearly report on Directive 39 (plan III.3): the figures that grow through the
year with their estimate for the whole year, and the city office's own assessment."""
