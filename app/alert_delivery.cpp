#include "app/alert_delivery.h"

#include <map>
#include <set>
#include <random>

#include "alerts/retry_schedule.h"
#include "alerts/sender.h"
#include "report/digest.h"

namespace icetrack {
namespace {

UtcTime SystemNow() {
  return UtcTime{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch()).count()};
}

double RandomJitter() {
  static std::mt19937_64 random(std::random_device{}());
  return std::uniform_real_distribution<double>(0.0, 1.0)(random);
}

SendOptions SendOptionsOf(const DeliverOptions& o, UtcTime now, bool test) {
  SendOptions send;
  send.user_agent = o.user_agent;
  send.now = now;
  send.timeout = o.timeout;
  send.test = test;
  send.cancelled = o.cancelled;
  return send;
}

// Marks `d` failed without an attempt, saying why (a delivery with nothing left to say).
Status Refuse(Store* store, Delivery d, const std::string& why, DeliveryPass* out) {
  d.status = DeliveryStatus::Failed;
  d.next_attempt_at.clear();
  d.last_error = why;
  Status s = store->RecordAttempt(d);
  if (s.ok()) out->attempted.push_back(std::move(d));
  return s;
}

class Deliverer {
 public:
  Deliverer(Store* store, const std::vector<AlertTarget>& targets, const DeliverOptions& options, DeliveryPass* out)
      : store_(store), targets_(targets), options_(options), out_(out) {}

  Status Run() {
    UtcTime now = Now();
    Status s = store_->QueueDeliveries(FormatIsoTime(now), &out_->queued);
    if (s.ok()) s = store_->DisabledTargets(&disabled_);
    std::vector<Delivery> due;
    if (s.ok()) s = store_->DueDeliveries(now, &due);
    for (const Delivery& d : due) {
      if (options_.cancelled && options_.cancelled()) break;  // what is left is due next time
      if (s.ok()) s = Deliver(d);
    }
    return s;
  }

 private:
  UtcTime Now() const { return options_.now ? options_.now() : SystemNow(); }

  const AlertTarget* Find(const std::string& name) const {
    for (const AlertTarget& t : targets_) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }

  // Kept pending, untried, with why (shown, not stored).
  Status Hold(Delivery d, std::string why) {
    d.last_error = std::move(why);
    out_->held.push_back(std::move(d));
    return Status::Ok();
  }

  Status Deliver(const Delivery& listed) {
    const AlertTarget* target = Find(listed.target);
    // A run without the configuration (or with a target renamed) must not fail what waits: it waits on.
    if (!target)
      return Hold(listed, "no [[alert]] named \"" + listed.target + "\" in " +
                              (options_.config_file.empty() ? std::string("the configuration (none was read)")
                                                            : options_.config_file));
    if (!target->enabled) return Hold(listed, "the target is switched off in the configuration (enabled = false)");
    if (disabled_.count(target->name))
      return Hold(listed, "the target's receiver switched it off: " + disabled_[target->name] +
                              " (`icetrack alerts enable " + target->name + "`)");
    // One that did not answer is not tried again in this pass: a black hole must not stall the run.
    if (unreachable_.count(target->name)) return Hold(listed, "its receiver did not answer in this pass");
    Delivery d;
    std::vector<StoredEvent> events;
    Status s = store_->GetDelivery(listed.id, &d, &events);
    if (!s.ok()) return s;
    if (events.empty()) return Refuse(store_, d, "nothing left to send: a rebuild dropped its events", out_);
    UtcTime now = Now();
    AttemptOutcome outcome = Send(*target, d, events, SendOptionsOf(options_, now, false));
    double jitter = options_.jitter ? options_.jitter() : RandomJitter();
    d = AfterAttempt(d, outcome, target->retry, target->give_up_after, now, jitter);
    if (!(s = store_->RecordAttempt(d)).ok()) return s;
    if (outcome.result == AttemptResult::Retry && outcome.no_answer) unreachable_.insert(target->name);
    if (outcome.result == AttemptResult::Gone) {
      s = store_->DisableTarget(target->name, outcome.error, d.last_attempt_at);
      disabled_[target->name] = outcome.error;
    }
    out_->attempted.push_back(std::move(d));
    return s;
  }

  Store* store_;
  const std::vector<AlertTarget>& targets_;
  const DeliverOptions& options_;
  DeliveryPass* out_;
  std::map<std::string, std::string> disabled_;
  std::set<std::string> unreachable_;
};

}  // namespace

Status DeliverDue(Store* store, const std::vector<AlertTarget>& targets, const DeliverOptions& options,
                  DeliveryPass* out) {
  *out = DeliveryPass();
  return Deliverer(store, targets, options, out).Run();
}

AttemptOutcome SendTest(const AlertTarget& target, const DeliverOptions& options) {
  UtcTime now = options.now ? options.now() : SystemNow();
  Delivery d;
  static const char kHex[] = "0123456789abcdef";
  std::random_device random;
  d.id = "msg_test_";
  for (int i = 0; i < 16; ++i) d.id += kHex[random() % 16];  // a test is news each time: never the same id
  d.target = target.name;
  d.created_at = d.schedule_from = FormatIsoTime(now);
  return Send(target, d, SampleEvents(), SendOptionsOf(options, now, true));
}

}  // namespace icetrack
