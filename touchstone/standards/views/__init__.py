"""The standards pages: the framework library (frameworks.py), the accreditations
(accreditation.py) and the self-assessment on screen (assessment.py)."""
