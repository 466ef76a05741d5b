"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the installed kernel.

Every one of its 12 tests must run: each sample below is what makes a test run rather than skip.
"""
import unittest

import jupyter_kernel_test

from kernel_env import KERNEL_NAME


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops, stderr");'

    completion_samples = [
        {"text": "Math.absE", "matches": {"absExact("}},
        {"text": "System.currentTimeMi", "matches": {"currentTimeMillis()"}},
        {"text": "%lsm", "matches": {"lsmagic"}},
    ]

    complete_code_samples = ["int x = 1;", "int y = 2", "System.out.println(1);", "%lsmagic",
                             "void f() {\n}\nf();"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int g() {", "x +"]
    invalid_code_samples = [")))", "int 5x = ;"]

    code_page_something = "%doc Math.max"

    code_generate_error = 'throw new IllegalStateException("expected failure");'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "List.of(1, 2).size()", "result": "2"},
    ]

    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("*emphasis*"));', "mime": "text/markdown"},
    ]

    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"


if __name__ == "__main__":
    unittest.main()
