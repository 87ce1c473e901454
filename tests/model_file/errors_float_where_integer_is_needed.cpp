// Fuzzer finding (fuzz_model_loader, UBSan float-cast-overflow): a layer config
// field that must be an integer but holds a float out of int64's range
// ("units": 4.4e69) was cast to an integer before any check. It is now a
// wrong-type error, as are floats in range and integers too big for the field.

#include <catch2/catch.hpp>

#include "lamina/model_file.h"
#include "model_file/edit_model_file.h"
#include "model_file/sample_models.h"

using namespace lamina;
using namespace lamina::testing;

TEST_CASE("a float or an oversized integer where a config needs an integer is a wrong-type error") {
  for (nlohmann::json units : {nlohmann::json(4.4444e69), nlohmann::json(8.0), nlohmann::json(uint64_t{1} << 63)}) {
    std::string file = edit_config(serialize_model(demo_sequential()),
                                   [&](nlohmann::json& c) { c["config"]["layers"][1]["config"]["units"] = units; });
    INFO(units.dump());
    CHECK(error_message([&] { parse_model(file, {}, "m.lamina"); }) ==
          "m.lamina: layer 'hidden': Dense config: field 'units' has the wrong type (" + units.dump() + ")");
  }
}
