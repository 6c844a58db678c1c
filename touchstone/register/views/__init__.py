"""Register web pages: public (views.public), staff (views.staff) and CPD (views.cpd)."""
