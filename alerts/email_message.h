// EmailMessage: a digest as an RFC 5322 message, ready for SMTP: Date,
// From, To, a Subject encoded for UTF-8 (RFC 2047), a Message-ID derived
// from the delivery id (the same on every attempt, so a mail system can tell
// a repeat), Auto-Submitted (RFC 3834), and multipart/alternative with a
// plain-text and an HTML part, both quoted-printable. CRLF lines of at most
// 78 characters (998 is the hard limit); nothing of the digest can end a
// header or the message.
#pragma once

#include <string>
#include <vector>

#include "alerts/mailbox.h"
#include "model/delivery.h"
#include "report/digest.h"

namespace icetrack {

std::string EmailMessage(const Delivery& delivery, const Digest& digest, const Mailbox& from,
                         const std::vector<Mailbox>& to);

// RFC 2047: `text` as is when it is printable ASCII (unless `always`), else
// "=?UTF-8?B?…?=" words of at most 75 characters, folded (CRLF and a space)
// between them.
std::string EncodedWords(const std::string& text, bool always = false);

// Quoted-printable (RFC 2045) of UTF-8 text, its line breaks as CRLF.
std::string QuotedPrintable(const std::string& text);

}  // namespace icetrack
