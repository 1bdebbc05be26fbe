"""The report as a Word document (python-docx): :func:`.document.render` writes it,
:func:`.template.checked_template` vets a council's reference document first."""
