"""%maven and %classpath over the real protocol: a real artifact from Maven Central (cached in
~/.m2/repository), its dependency with it, usable in the next cell of the running kernel."""
import unittest

from jupyter_client.manager import start_new_kernel

from kernel_env import KERNEL_NAME

TIMEOUT = 300


class MavenMagicTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=outputs.append)
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        errors = [m["content"]["evalue"] for m in outputs if m["msg_type"] == "error"]
        return reply["content"]["status"], results, errors

    def test_an_artifact_from_central_is_usable_in_the_next_cell(self):
        status, results, errors = self.run_cell("%maven org.apache.commons:commons-text:1.12.0")
        self.assertEqual("ok", status, errors)
        self.assertEqual(["added commons-text-1.12.0.jar, commons-lang3-3.14.0.jar"], results)
        # commons-text's own class, and commons-lang3's (its dependency), in a new cell
        status, results, errors = self.run_cell(
            'org.apache.commons.text.WordUtils.capitalize("hello world") + " "'
            ' + org.apache.commons.lang3.StringUtils.reverse("abc")')
        self.assertEqual("ok", status, errors)
        self.assertEqual(["Hello World cba"], results)
        status, results, errors = self.run_cell("%classpath")
        self.assertEqual("ok", status, errors)
        self.assertTrue(results[0].endswith("commons-lang3-3.14.0.jar"), results)
        self.assertIn("/.m2/repository/org/apache/commons/commons-text/1.12.0/", results[0])

    def test_coordinates_central_does_not_have_are_named_and_the_kernel_goes_on(self):
        status, results, errors = self.run_cell("%maven io.tinymlaas:no-such-artifact:0.0.1")
        self.assertEqual("error", status)
        self.assertTrue(errors[0].startswith("%maven: cannot resolve io.tinymlaas:no-such-artifact:0.0.1 from Maven Central"),
                        errors)
        self.assertEqual("ok", self.run_cell("1 + 1")[0])


if __name__ == "__main__":
    unittest.main()
