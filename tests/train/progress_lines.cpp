// fit's plain progress (not a terminal): "Epoch i/n", then one line per epoch
// with batches, seconds, loss and metrics; the on_epoch_end hook gets the logs.

#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

#include "train/fixture.h"

using namespace lamina;

TEST_CASE("plain progress lines and the epoch callback") {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  m.compile({.optimizer = optimizers::SGD(), .loss = "mse", .metrics = {"mae"}});
  std::ostringstream out;
  std::vector<std::pair<int, Logs>> seen;
  History h = m.fit(x, y, {.epochs = 2, .batch_size = 16, .validation_split = 0.2, .verbose = 1, .output = &out,
                           .on_epoch_end = [&](int epoch, const Logs& logs) { seen.emplace_back(epoch, logs); }});
  // 32 training samples in batches of 16: 2 batches; 8 held out for validation
  std::regex line(R"(Epoch 1/2\n2/2 - \d+\.\d\ds - loss: \d+\.\d{4} - mae: \d+\.\d{4} - val_loss: \d+\.\d{4} - val_mae: \d+\.\d{4}\n)"
                  R"(Epoch 2/2\n2/2 - \d+\.\d\ds - loss: \d+\.\d{4} - mae: \d+\.\d{4} - val_loss: \d+\.\d{4} - val_mae: \d+\.\d{4}\n)");
  INFO(out.str());
  CHECK(std::regex_match(out.str(), line));
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].first == 1);
  CHECK(seen[1].second.at("val_loss") == h.history.at("val_loss")[1]);
  CHECK(h.history.at("loss").size() == 2);
  CHECK(h.epochs == 2);
}

TEST_CASE("verbose 0 prints nothing") {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  m.compile({.loss = "mse"});
  std::ostringstream out;
  m.fit(x, y, {.verbose = 0, .output = &out});
  CHECK(out.str().empty());
}

TEST_CASE("validation_data is evaluated each epoch") {
  auto [x, y] = test::regression_data();
  Sequential m = test::regression_model();
  m.compile({.loss = "mse"});
  History h = m.fit(x, y, {.epochs = 2, .validation_data = std::make_pair(x, y), .verbose = 0});
  REQUIRE(h.history.at("val_loss").size() == 2);
  CHECK(h.history.at("val_loss")[1] == Approx(m.evaluate(x, y).at("loss")).epsilon(1e-6));
}
