// Checks JSON documents against the JSON Schemas in docs/ with a real
// validator: Debian's python3-jsonschema, draft 2020-12, each schema's $refs
// resolved among docs/*.schema.json by their $id (never over the network).
#pragma once

#include <string>
#include <vector>

namespace icetrack::test {

// What the validator says about `files` against docs/`schema` (e.g.
// "roster.schema.json"), the schema itself checked first; "" when all are valid.
std::string JsonSchemaErrors(const std::string& schema, const std::vector<std::string>& files);

// The same for one document held in memory.
std::string JsonTextSchemaErrors(const std::string& schema, const std::string& json);

}  // namespace icetrack::test
