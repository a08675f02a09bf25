// count ungated patterns by re-parsing via module internals is not exported; approximate by timing
