"""Archive records: the model (CSL-JSON plus archival extensions), formats and checks."""
