"""What the practice-rights module writes out: a scheme's version as JSON, and an applicant's
portfolio compiled into one PDF (or one per competency when one would be too large, §57)."""

from touchstone.rights.exports.portfolio import CompiledPortfolio, compile_portfolio
from touchstone.rights.exports.scheme import scheme_json

__all__ = ["CompiledPortfolio", "compile_portfolio", "scheme_json"]
