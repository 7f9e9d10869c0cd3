// Calendar dates for spreadsheet serial numbers and for plain Y-M-D values.
#pragma once

#include "model/utc_time.h"  // CivilDate

namespace icetrack {

// Excel serial day number -> date. The 1900 system counts Excel's phantom
// 29 Feb 1900 (serial 60); the 1904 system starts at 1 Jan 1904. Fractions
// (times of day) are dropped. Returns false for serials before day 1.
bool SerialToDate(double serial, bool date1904, CivilDate* out);

}  // namespace icetrack
