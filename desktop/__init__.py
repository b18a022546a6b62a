"""TDCS desktop application: recording, sync and reports for Directive 39-CT/TW in Cần Thơ."""
