// Tests run one at a time: LiteDB 5 shares internal buffers between engines, and several databases
// open at once in one process (never the case in production: one store per process) occasionally
// corrupt each other's pages under load ("page type must be collection page").
[assembly: CollectionBehavior(DisableTestParallelization = true)]
