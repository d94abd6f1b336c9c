"""Test-session set-up shared by the unit tests and nbval (and by each xdist worker)."""

import os
import shutil
import tempfile

from fujian_fpa import paths


def pytest_configure(config):
    # Kernels started by nbval inherit these: executing a notebook under test writes its figures to
    # a scratch folder, never over the committed ones, and each figure must equal its committed copy.
    if "FUJIAN_FPA_FIGURES" in os.environ:
        return  # set by the controlling process, or by the caller
    scratch = tempfile.mkdtemp(prefix="fujian-fpa-test-")
    os.environ["FUJIAN_FPA_FIGURES"] = os.path.join(scratch, "figures")
    os.environ["FUJIAN_FPA_BUILD"] = os.path.join(scratch, "build")
    os.environ["FUJIAN_FPA_REFERENCE_FIGURES"] = str(paths.COMMITTED_FIGURES)
    config.add_cleanup(lambda: shutil.rmtree(scratch, ignore_errors=True))
