# A test case whose name holds a ';' is split by CTest's test discovery into
# names that match nothing, and doctest passes when nothing matches: the test
# would never run. This check fails the suite instead.
execute_process(COMMAND "${SUITE}" --list-test-cases --no-version OUTPUT_VARIABLE names RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SUITE} --list-test-cases failed (${rc})")
endif()
string(FIND "${names}" ";" semicolon)
if(NOT semicolon EQUAL -1)
  message(FATAL_ERROR "${SUITE}: a test case name holds ';', which CTest cannot run: ${names}")
endif()
