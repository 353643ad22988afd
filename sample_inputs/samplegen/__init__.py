"""Builders for the sample reports in sample_inputs/ (used only by make_samples.py)."""
