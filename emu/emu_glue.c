/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright(c) 2026 dpdk-ena authors
 */

/*
 * Calls from the core into the IO path (emu_io*.c). Built without the IO
 * sources, the device still runs its whole control path and refuses IO
 * queue creation, which keeps control-path tests usable on their own.
 */

#include <rte_common.h>
#include <rte_log.h>

#include "emu_core.h"
#ifdef ENA_EMU_HAVE_IO
#include "emu_io.h"
#endif

#ifdef ENA_EMU_HAVE_IO

int
ena_emu_core_io_init(struct ena_emu_dev *dev)
{
	return ena_emu_io_init(dev);
}

void
ena_emu_core_io_fini(struct ena_emu_dev *dev)
{
	ena_emu_io_fini(dev);
}

void
ena_emu_core_io_reset(struct ena_emu_dev *dev)
{
	ena_emu_io_reset(dev);
}

uint8_t
ena_emu_core_io_admin(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	return ena_emu_io_admin(dev, cmd, comp);
}

unsigned int
ena_emu_core_io_poll(struct ena_emu_dev *dev)
{
	return ena_emu_io_poll(dev);
}

void
ena_emu_core_io_counters(
	const struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	if (dev->io != NULL)
		ena_emu_io_counters_fill(dev, out);
}

#else /* control path only */

int
ena_emu_core_io_init(struct ena_emu_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

void
ena_emu_core_io_fini(struct ena_emu_dev *dev)
{
	RTE_SET_USED(dev);
}

void
ena_emu_core_io_reset(struct ena_emu_dev *dev)
{
	RTE_SET_USED(dev);
}

uint8_t
ena_emu_core_io_admin(struct ena_emu_dev *dev, const struct ena_aq_cmd *cmd,
	struct ena_aq_comp *comp)
{
	RTE_SET_USED(comp);
	ena_emu_log(dev, RTE_LOG_WARNING,
		"IO queue opcode %u: built without the IO path",
		cmd->common.opcode);
	return ENA_AQ_STATUS_UNSUPPORTED_OPCODE;
}

unsigned int
ena_emu_core_io_poll(struct ena_emu_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

void
ena_emu_core_io_counters(
	const struct ena_emu_dev *dev, struct ena_emu_counters *out)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(out);
}

#endif
