// Mailbox: an email address with its display name, as the configuration
// writes it ("icetrack <icetrack@example.org>" or "desk@example.org"), read
// strictly enough that nothing can reach the SMTP envelope or a header but
// one address: no line breaks, no second address, no comment tricks.
#pragma once

#include <string>

namespace icetrack {

struct Mailbox {
  std::string name;     // "" when none
  std::string address;  // local@domain
  std::string domain() const { return address.substr(address.rfind('@') + 1); }
};

// False, with `*why` saying what is wrong, for anything but one mailbox.
bool ParseMailbox(const std::string& text, Mailbox* out, std::string* why);

// For a header: `address`, or the name (quoted or RFC 2047-encoded as needed) and <address>.
std::string MailboxHeader(const Mailbox& mailbox);

}  // namespace icetrack
