"""The model's claims held to the text and weighed against the rules; drafts made claims."""
