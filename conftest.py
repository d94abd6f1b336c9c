"""Test-session set-up shared by the unit tests and nbval."""

import os
import shutil
import tempfile


def pytest_configure(config):
    # Kernels started by nbval inherit this, so executing the notebooks under test writes their
    # figures to a scratch folder instead of over the committed ones.
    if "FUJIAN_FPA_FIGURES" not in os.environ:
        scratch = tempfile.mkdtemp(prefix="fujian-fpa-nbval-")
        os.environ["FUJIAN_FPA_FIGURES"] = scratch
        config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))
