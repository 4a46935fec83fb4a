"""briefing-archive: a sourced, searchable briefing site from articles and their claims."""
