// The generator's assembly also holds Hailuo.Contracts types (the rule core and the words emitted from the schema, compiled
// as in the runtime), so it is referenced under an alias: a bare VideoMode here is the runtime's, the generator is reached below.
extern alias Generators;

global using Generators::Hailuo.Contracts.Generators;
global using Generators::Hailuo.Contracts.Generators.Analysis;
global using Generators::Hailuo.Contracts.Generators.Diagnostics;
global using Generators::Hailuo.Contracts.Generators.Emit;
global using Generators::Hailuo.Contracts.Generators.Model;
global using Generators::Hailuo.Contracts.Generators.Parsing;
