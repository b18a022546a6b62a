"""Qt-free domain rules, validation, indicators and services (use cases).

The window, the command line and the tests all call these functions; none of them imports Qt.
"""
