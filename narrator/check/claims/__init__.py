"""The claim reader: what each sentence of a paper asserts (figures, directions, runs,
outliers, references, dates), read in phases over one typed sentence."""

from narrator.check.claims.extract import extract_claims, infer_reporting_month
from narrator.check.claims.model import CLAIM_KINDS, Claim

__all__ = ["CLAIM_KINDS", "Claim", "extract_claims", "infer_reporting_month"]
